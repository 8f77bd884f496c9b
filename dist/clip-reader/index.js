import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({});
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/errors.ts
// What a thrown value says, for messages: its text, and the code Node puts on system errors (ENOENT, EBUSY, ...).
/** The message of a thrown value: an Error's message, anything else as text. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** The `code` of a system error (ENOENT, EBUSY, ERR_INVALID_ARG_VALUE, ...), when it has one. */
function codeOf(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
/** The first line of a thrown value's message, without a trailing colon (a YAML error goes on with an excerpt). */
function firstLineOf(error) {
    return (messageOf(error).split('\n')[0] ?? '').replace(/:\s*$/, '');
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/clip/content-credentials.ts
// Whether a clip carries content credentials: a C2PA manifest store, which in an ISO BMFF file (MP4) is a top-level
// `uuid` box whose extended type is d8fec3d6-1b0e-483c-9297-5828877ec481 (C2PA specification, "Embedding manifests
// into BMFF"). The action only looks: it never writes, signs or strips one, and never rewrites the clip's bytes.
// Fed the top-level boxes the MP4 reader (./clip-metadata.ts, mp4box) has read, so it parses nothing itself. C2PA
// writers place the box right after `ftyp`, before the movie header, where the reader always looks.
/** The extended type of the C2PA manifest box, as mp4box writes a `uuid` box's type: 32 lower-case hex digits. */
const C2PA_MANIFEST_UUID = 'd8fec3d61b0e483c92975828877ec481';
/** Whether one of the file's top-level boxes is a C2PA manifest store. */
function contentCredentialsIn(boxes) {
    const manifest = boxes.some((box) => box.type === 'uuid' && typeof box.uuid === 'string' && box.uuid.toLowerCase() === C2PA_MANIFEST_UUID);
    return manifest ? 'present' : 'absent';
}

;// CONCATENATED MODULE: ./src/clip/sample-tables.ts
// The sample tables of a file counted before the MP4 library lists them. A few bytes can declare billions of
// samples (a sample-size box with one size for all, a compact one of 4-bit sizes, a movie fragment's track run
// with nothing per sample), and the library builds one object per sample declared: a 64-byte box fills the heap.
// So each box that declares samples is replaced, in the library's box registry, by one that first reads its
// count with the library's own stream, charges it to the file's budget (MAX_SAMPLES_PER_FILE over every track
// and every fragment), refuses a table that lists more entries than its box holds, and only then lets the
// library's own parse run. A bomb that no count here sees is stopped by the reader's memory limit instead
// (./clip-reader.ts).
/**
 * Most samples a file's tracks may list in all (sample tables and movie fragments together). A 15-second clip has
 * about two thousand (video and audio); the limit keeps a hostile table from exhausting memory.
 */
const MAX_SAMPLES_PER_FILE = 100_000;
/** A file's sample table that declares more than it can hold, found before the library builds the sample list. */
class ImplausibleSampleTable extends Error {
}
/** How each sample-declaring box's count is read: its fourcc → a reader of its payload's first fields. */
const DECLARING_BOXES = {
    // version+flags, sample_size, sample_count, then a 4-byte size per sample only when sample_size is 0
    stsz: (stream) => {
        stream.readUint32();
        const sampleSize = stream.readUint32();
        return { count: stream.readUint32(), bytesEach: sampleSize === 0 ? 4 : 0, headerBytes: 12 };
    },
    // version+flags, reserved (3 bytes), field_size (bits: 4, 8 or 16), sample_count, then the packed sizes
    stz2: (stream) => {
        stream.readUint32();
        const fieldBits = stream.readUint32() & 0xff;
        return { count: stream.readUint32(), bytesEach: fieldBits / 8, headerBytes: 12 };
    },
    // version+flags, sample_count, then optional fields the flags name, then per sample the fields the flags name
    trun: (stream) => {
        const flags = stream.readUint32() & 0xff_ffff;
        const count = stream.readUint32();
        const headerBytes = 8 + (flags & 0x1 ? 4 : 0) + (flags & 0x4 ? 4 : 0);
        const fieldsEach = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length;
        return { count, bytesEach: 4 * fieldsEach, headerBytes };
    },
};
/** Samples the file being handed to the library may still list (set before each appendBuffer call, which is synchronous). */
let samplesLeft = MAX_SAMPLES_PER_FILE;
/**
 * Runs `parse` (a synchronous call into the library) with `budget` samples left for the file, and returns its
 * result and the samples left after it. The budget is set per call, so that files read at once each keep their own.
 */
function withSampleBudget(budget, parse) {
    samplesLeft = budget;
    const result = parse();
    return { result, left: samplesLeft };
}
/**
 * Replaces, in the library's box registry, each box of DECLARING_BOXES by one that charges its count to the
 * file's budget and checks it against the bytes the box holds before the library's own parse runs. Idempotent.
 */
function boundSampleTables(registry) {
    for (const [fourcc, declared] of Object.entries(DECLARING_BOXES)) {
        const Library = registry[fourcc];
        if (!Library || Library.counted)
            continue;
        class Counted extends Library {
            static counted = true;
            parse(stream) {
                const start = stream.getPosition();
                const { count, bytesEach, headerBytes } = declared(stream);
                stream.seek(start);
                charge(fourcc, count, bytesEach * count, this.size - this.hdr_size - headerBytes);
                super.parse(stream);
            }
        }
        registry[fourcc] = Counted;
    }
}
/** Charges `count` samples to the file's budget; refuses a table whose entries take more bytes than its box has. */
function charge(fourcc, count, entryBytes, payloadBytes) {
    if (count > samplesLeft) {
        throw new ImplausibleSampleTable(`its tracks list more than ${MAX_SAMPLES_PER_FILE} samples, more than this action reads`);
    }
    samplesLeft -= count;
    if (entryBytes > Math.max(0, payloadBytes)) {
        throw new ImplausibleSampleTable(`a track's ${fourcc} box lists ${count} samples in ${Math.max(0, payloadBytes)} bytes, too few for them`);
    }
}

;// CONCATENATED MODULE: ./src/clip/clip-metadata.ts
// Reads a clip's real metadata (duration, size, codec, frame rate, audio) with GPAC's MP4Box.js (npm `mp4box`),
// and the structural checks that say whether the file is a whole, playable-looking MP4: it parses, it has a
// video track, and its sample table points nowhere past the end of the file.
// The file is fed to the library in chunks read through a file handle, never read whole: the library asks for
// the next position it needs (its answer to appendBuffer), so the samples (mdat) are skipped by seeking and a
// `moov` at the end of the file costs no more than one at the start. Every box that declares samples is counted
// before the library lists them (./sample-tables.ts). The library is loaded on first use.
// This module reads in the thread that calls it: the action calls it only through ./clip-reader.ts, which runs
// it in a worker thread under a memory and time limit (a bomb nobody has thought of ends there, not the step).




/** Bytes handed to the library at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;
/**
 * Most bytes of a file handed to the library in all (the samples are skipped, so this is the boxes around them:
 * a real clip's `moov` is kilobytes). A file whose boxes need more is refused rather than held in memory.
 */
const MAX_HEADER_BYTES = 8 * 1024 * 1024;
let library;
/** mp4box, loaded once and on first use (its own chunk of the bundle), its sample-declaring boxes counted. */
function loadLibrary() {
    library ??= __nccwpck_require__.e(/* import() */ 111).then(__nccwpck_require__.bind(__nccwpck_require__, 111)).then((mp4box) => {
        // A few of the library's parse errors go straight to the console; here they reach the file's onError or nowhere.
        mp4box.Log.error = (module, message, isofile) => isofile?.onError?.(module, message ?? '');
        boundSampleTables(mp4box.BoxParser.box);
        return mp4box;
    });
    return library;
}
/**
 * Reads `file`'s metadata and runs the structural checks. Never throws for what the file holds: a broken file
 * is `{ ok: false }` naming the check it failed (an unreadable path still throws).
 */
async function readClipMetadata(file) {
    const mp4box = await loadLibrary();
    const handle = await (0,promises_namespaceObject.open)(file, 'r');
    try {
        const size = (await handle.stat()).size;
        const reader = fileReader(mp4box);
        const unreadable = await feedFile(reader, mp4box, handle, size);
        if (unreadable)
            return unreadable;
        const { mp4 } = reader;
        const topLevel = topLevelProblem(mp4, size);
        if (topLevel)
            return topLevel;
        if (!mp4.moov) {
            const why = reader.libraryError ? ` (${reader.libraryError})` : '';
            return broken('parses', `it holds no movie header (moov box): not a readable MP4${why}`);
        }
        const info = mp4.getInfo();
        const video = info.videoTracks[0];
        if (!video)
            return broken('video track', 'it has no video track');
        const samplePastEnd = sampleOutsideFile(mp4, info, size);
        if (samplePastEnd)
            return samplePastEnd;
        return metadataOf(info, video, size, contentCredentialsIn(mp4.boxes));
    }
    finally {
        await handle.close();
    }
}
/** A new reading, with the library's own error reports routed to it (they would otherwise go to the console). */
function fileReader(mp4box) {
    const reader = { mp4: mp4box.createFile(), libraryError: undefined, ready: false };
    reader.mp4.onError = (module, message) => {
        reader.libraryError ??= printable(`${module}: ${message}`);
    };
    reader.mp4.onReady = () => {
        reader.ready = true;
    };
    return reader;
}
/**
 * Hands the file to the library in chunks, from where it asks to go on, until it has read the movie header, the
 * file ends or the library reports an error. A file whose boxes (the samples skipped) take more than
 * MAX_HEADER_BYTES, or whose sample table cannot be right, or that the library gives up on, fails `parses`.
 */
async function feedFile(reader, mp4box, handle, size) {
    const { mp4 } = reader;
    let position = 0;
    let handed = 0;
    let budget = MAX_SAMPLES_PER_FILE;
    // End of the bytes handed over in one run from the start, and whether the library is now fed only in order.
    let inOrderEnd = 0;
    let inOrder = false;
    let chunkBytes = READ_CHUNK_BYTES;
    try {
        // Once the moov is read the library knows every sample's place: nothing more is needed from the file.
        while (position < size && !reader.ready && reader.libraryError === undefined) {
            const chunk = await readChunk(handle, position, Math.min(chunkBytes, size - position));
            if (chunk.byteLength === 0)
                break;
            handed += chunk.byteLength;
            if (handed > MAX_HEADER_BYTES) {
                return broken('parses', `its boxes other than the samples take more than ${MAX_HEADER_BYTES} bytes: not a clip this action reads`);
            }
            const last = position + chunk.byteLength >= size;
            const appended = withSampleBudget(budget, () => mp4.appendBuffer(mp4box.MP4BoxBuffer.fromArrayBuffer(chunk, position), last));
            budget = appended.left;
            const next = appended.result;
            const end = position + chunk.byteLength;
            if (position === inOrderEnd)
                inOrderEnd = end;
            if (!inOrder && typeof next === 'number' && next > position)
                position = next; // past an mdat it skips
            else if (!inOrder && inOrderEnd < end) {
                // It asked for a later position but cannot go on from there (it skipped a box it still needs, such as a
                // large `free` before the moov): from now on it gets the file in order, from where that run ended.
                inOrder = true;
                position = inOrderEnd;
            }
            else
                position = end;
            // The library keeps the pieces of a box larger than a chunk and joins them each time one comes: pieces that
            // double in size keep those joins to a few times the box's size, where equal pieces would cost its square.
            chunkBytes = position === end ? Math.min(chunkBytes * 2, MAX_HEADER_BYTES) : READ_CHUNK_BYTES;
        }
        if (!reader.ready)
            mp4.flush();
    }
    catch (error) {
        if (error instanceof ImplausibleSampleTable)
            return broken('parses', `its sample table cannot be right: ${error.message}`);
        return broken('parses', `the MP4 reader gave up on it (${printable(messageOf(error))})`);
    }
    return undefined;
}
/**
 * The one place every top-level box of the file is seen, once the library has read what it needs: each is
 * checked here (and a check of another top-level box belongs here too). A box that claims more bytes than the
 * file has left means the file was cut short (an mdat, or a moov at the end).
 */
function topLevelProblem(mp4, size) {
    for (const box of mp4.boxes) {
        const end = (box.start ?? 0) + (box.size ?? 0);
        if (end > size)
            return broken('complete', `it is cut short: its ${printable(box.type)} box runs to byte ${end}, past the end of the ${size}-byte file`);
    }
    return undefined;
}
/** Every sample of every track must lie inside the file; a clip cut short in transit fails here. */
function sampleOutsideFile(mp4, info, size) {
    for (const track of info.tracks) {
        const samples = mp4.getTrackSamplesInfo(track.id);
        let end = 0;
        for (const sample of samples) {
            const sampleEnd = sample.offset + sample.size;
            if (!Number.isFinite(sampleEnd)) {
                return broken('complete', `its ${track.type ?? 'track'} ${track.id} sample table places sample ${sample.number + 1} in no chunk of the file`);
            }
            end = Math.max(end, sampleEnd);
        }
        if (end > size) {
            return broken('complete', `it is cut short: its ${track.type ?? 'track'} ${track.id} sample table points to byte ${end}, past the end of the ${size}-byte file`);
        }
    }
    return undefined;
}
/** The metadata of a file that passed the structural checks, from the movie and its first video and audio tracks. */
function metadataOf(info, video, size, contentCredentials) {
    const movieS = info.timescale > 0 ? info.duration / info.timescale : 0;
    const trackS = video.timescale > 0 ? (video.samples_duration || video.duration) / video.timescale : 0;
    const durationS = movieS > 0 ? movieS : trackS;
    const width = video.video?.width || video.track_width;
    const height = video.video?.height || video.track_height;
    if (!(width > 0 && height > 0))
        return broken('video track', 'its video track gives no picture size');
    const metadata = {
        durationS,
        width,
        height,
        codec: video.codec,
        hasAudio: info.audioTracks.length > 0,
        bytes: size,
        contentCredentials,
    };
    if (trackS > 0 && video.nb_samples > 0)
        metadata.frameRate = video.nb_samples / trackS;
    const audio = info.audioTracks[0];
    if (audio)
        metadata.audioCodec = audio.codec;
    return { ok: true, metadata };
}
/** Text from the file, made plain: anything but printable ASCII becomes `?` (a box type is four bytes of anything). */
function printable(text) {
    return (text ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}
/** A structural failure: the check and the problem, in words. */
function broken(check, problem) {
    return { ok: false, check, problem };
}
async function readChunk(handle, position, length) {
    const buffer = new ArrayBuffer(length);
    const { bytesRead } = await handle.read(new Uint8Array(buffer), 0, length, position);
    return bytesRead === length ? buffer : buffer.slice(0, bytesRead);
}

;// CONCATENATED MODULE: ./src/clip/clip-reader-worker.ts
// The worker thread that reads one clip's metadata (./clip-metadata.ts) for ./clip-reader.ts, which starts it with
// the file in its workerData and a hard memory limit. It is its own entry of the build (dist/clip-reader/index.js,
// see scripts/build.ts), so the worker loads the MP4 library and the reader only, never the action.
// It says when the library is loaded (the reader's time limit starts then), then sends the reading, or why the
// file could not be read at all. It never decides anything: the parent does, also when this thread is stopped.



async function serve() {
    const port = external_node_worker_threads_namespaceObject.parentPort;
    if (!port)
        return;
    const { file } = external_node_worker_threads_namespaceObject.workerData;
    await loadLibrary();
    port.postMessage({ kind: 'ready' });
    let message;
    try {
        message = { kind: 'reading', reading: await readClipMetadata(file) };
    }
    catch (error) {
        message = { kind: 'unreadable', message: messageOf(error) };
    }
    port.postMessage(message);
}
void serve();

