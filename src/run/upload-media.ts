// The stage of a clip's pipeline that uploads the workspace files its request names, right before its task is
// created (src/run/start-task.ts calls it on the way to the create, only when the decision is `submit`: a cache hit
// or a collected task uploads nothing). Each file goes up through FoxAPI's file API (src/foxapi/file-upload.ts),
// streamed and held to the SHA-256 taken when the inputs were checked (src/media/verified-read.ts), and the URL
// FoxAPI returns replaces its path in the request that is sent. The same content is uploaded once per run, however
// many clips name it. The URLs are never logged: a private repository's files would be public in its run logs.
import type { FileUploader, UploadedFile } from '../foxapi/file-upload'
import type { CallOptions } from '../foxapi/api-client'
import { RequestError } from '../foxapi/request-errors'
import type { ClipSpec, RunSettings } from '../inputs/clip-spec'
import { sizeText, type MediaFile } from '../media/media-files'
import { replaceMedia } from '../media/media-request'
import { ChangedFileError, openVerifiedRead } from '../media/verified-read'
import type { GenerationRequest } from '../models/model'
import { shownPath } from '../security/workspace-files'
import { messageOf } from '../errors'

type Log = (line: string) => void

/** The run's uploads: one per distinct content, shared by every clip that names it. */
export class MediaUploads {
  private readonly byContent = new Map<string, Promise<UploadedFile>>()

  constructor(
    private readonly uploader: FileUploader,
    private readonly settings: Pick<RunSettings, 'workspace' | 'uploadCleanup'>,
  ) {}

  /**
   * `spec`'s request with each workspace file replaced by the URL of its upload (uploaded now, or earlier in the
   * run). Throws, naming the input, when a file cannot be uploaded: the clip then fails with nothing created.
   */
  async requestFor(spec: ClipSpec & { request: GenerationRequest }, call: CallOptions, log: Log): Promise<GenerationRequest> {
    const files = spec.media ?? []
    const urls = new Map<MediaFile, string>()
    for (const file of files) urls.set(file, (await this.uploadOnce(file, call, log)).url)
    return replaceMedia(spec.request, files, (file) => urls.get(file) ?? '')
  }

  private uploadOnce(file: MediaFile, call: CallOptions, log: Log): Promise<UploadedFile> {
    const earlier = this.byContent.get(file.sha256)
    if (earlier !== undefined) {
      log(`${shownPath(file.path)} (${file.field}): its content was uploaded earlier in this run; that upload is used.`)
      return earlier
    }
    const upload = this.upload(file, call, log)
    this.byContent.set(file.sha256, upload)
    // A failed upload is not kept: a later clip that names the file tries again.
    upload.catch(() => this.byContent.delete(file.sha256))
    return upload
  }

  private async upload(file: MediaFile, call: CallOptions, log: Log): Promise<UploadedFile> {
    const autoCleanup = this.settings.uploadCleanup ?? true
    const started = Date.now()
    try {
      const uploaded = await this.uploader.upload(
        {
          open: () => openVerifiedRead(file, this.settings.workspace),
          bytes: file.bytes,
          fileName: file.path.split('/').at(-1) ?? file.path,
          mime: file.type.mime,
          autoCleanup,
        },
        call,
      )
      const took = Math.max(1, Date.now() - started) / 1000
      log(
        `Uploaded ${shownPath(file.path)} (${file.type.label}, ${sizeText(file.bytes)}) for ${file.field} to FoxAPI's file storage in ${took.toFixed(1)}s.`,
      )
      return uploaded
    } catch (error) {
      throw new Error(uploadFailure(file, error, autoCleanup), { cause: error })
    }
  }
}

/** Why an upload failed, naming the input and what to do; the clip's task was not created. */
export function uploadFailure(file: Pick<MediaFile, 'input' | 'path'>, error: unknown, autoCleanup: boolean): string {
  const message = messageOf(error).replace(/\.$/, '')
  const shown = shownPath(file.path)
  if (error instanceof RequestError && error.details.status === 403) {
    const advice = autoCleanup
      ? 'delete uploads you no longer need in your FoxAPI account'
      : "delete uploads you no longer need in your FoxAPI account, or set upload-cleanup: true so FoxAPI deletes the account's oldest uploads to make room"
    return `${file.input}: FoxAPI refused the upload of ${shown} (${message}): the account's file storage is full. To go on, ${advice}. Nothing was created for this clip.`
  }
  // A changed file says so itself; FoxAPI's answers start `Upload of <name> failed`.
  const said = error instanceof ChangedFileError || message.startsWith('Upload of') ? message : `upload of ${shown} failed: ${message}`
  return `${file.input}: ${said}. Nothing was created for this clip.`
}
