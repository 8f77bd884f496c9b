// The generation request, as the rest of the action sees it: a thin facade over the model registry
// in ./models (one module per model family, each with its schema, rules and the inputs it maps).
import { buildRequest, type RawRequestInputs } from '../models'

export {
  DEFAULT_MODEL,
  MAX_PROMPT_CHARS,
  MODELS,
  REQUEST_INPUTS,
  describeIssue,
  type GenerationRequest,
  type RawRequestInputs,
  type RequestInputName,
} from '../models'

export type ValidationResult = ReturnType<typeof buildRequest>

/**
 * Validates request inputs for the chosen model. Problems name the input, e.g. `Input 'duration' must be…`;
 * `label` names where the inputs came from (`Input` or `batch item 2`).
 */
export function validateRequest(raw: RawRequestInputs, label = 'Input'): ValidationResult {
  return buildRequest(raw, label)
}
