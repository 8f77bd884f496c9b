// Every family of the registry, in the catalog's order (/work/shared/foxapi-catalog.md §1a–§1i).
import type { ModelFamily } from '../entry'
import { GROK } from './grok'
import { HAPPYHORSE } from './happyhorse'
import { KLING } from './kling'
import { LIPSYNC_AVATARS } from './lipsync-avatars'
import { PIXVERSE } from './pixverse'
import { SEEDANCE } from './seedance'
import { SORA } from './sora'
import { VEO } from './veo'
import { VIDU } from './vidu'
import { WAN } from './wan'

export const FAMILIES: readonly ModelFamily[] = [KLING, SORA, VEO, SEEDANCE, WAN, HAPPYHORSE, GROK, VIDU, LIPSYNC_AVATARS, PIXVERSE]
