// The camera: a scan loop that reads a frame every 300 ms until one holds a target, then shows it.
import { type Resolution, resolve } from '@sharekit/resolver';
import { byId } from './dom.js';
import { renderResolution, setStatus, showImagePreview } from './read.js';
import { state, tr } from './state.js';
import { fitImage } from './view.js';
import { setupQrEngines } from './zxing.js';

let camera: { stream: MediaStream; timer: number } | null = null;

/**
 * Names the camera button after what it does now (start or stop), in the current language.
 *
 * @example
 * updateCameraButton()
 */
export function updateCameraButton(): void {
  const button = byId<HTMLButtonElement>('camera-toggle');
  button.textContent = camera === null ? tr('cameraStart') : tr('cameraStop');
  button.setAttribute('aria-pressed', camera === null ? 'false' : 'true');
}

async function startCamera(): Promise<void> {
  if (!navigator.mediaDevices?.getUserMedia) {
    setStatus(tr('cameraUnavailable'));
    return;
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  } catch (error) {
    setStatus(tr('cameraDenied', { reason: error instanceof Error ? error.name : String(error) }));
    return;
  }
  const video = byId<HTMLVideoElement>('camera-video');
  video.srcObject = stream;
  byId('camera').hidden = false;
  camera = { stream, timer: 0 };
  updateCameraButton();
  setStatus(tr('cameraScanning'));
  await video.play().catch(() => undefined);
  await setupQrEngines();
  scheduleScan();
}

function scheduleScan(): void {
  if (camera === null) return;
  camera.timer = window.setTimeout(() => void scanFrame(), 300);
}

/** The video's current frame, at most 1280 wide; 'not-ready' before the first frame, null without a canvas. */
function grabFrame(video: HTMLVideoElement): ImageData | null | 'not-ready' {
  if (video.readyState < 2 || video.videoWidth === 0) return 'not-ready';
  const fit = fitImage(video.videoWidth, video.videoHeight, 1280);
  const canvas = document.createElement('canvas');
  canvas.width = fit.width;
  canvas.height = fit.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) return null;
  ctx.drawImage(video, 0, 0, fit.width, fit.height);
  return ctx.getImageData(0, 0, fit.width, fit.height);
}

async function scanFrame(): Promise<void> {
  if (camera === null) return;
  const image = grabFrame(byId<HTMLVideoElement>('camera-video'));
  if (image === 'not-ready') {
    scheduleScan();
    return;
  }
  if (image === null) return;
  let resolution: Resolution;
  try {
    resolution = await resolve({ data: image.data, width: image.width, height: image.height });
  } catch {
    scheduleScan();
    return;
  }
  if (camera === null) return;
  if (resolution.candidates.length === 0) {
    scheduleScan();
    return;
  }
  stopCamera();
  state.readSeq++;
  showImagePreview(image, tr('cameraLabel'));
  renderResolution(resolution, true);
}

/**
 * Stops the camera and its scan loop (nothing happens when it is off).
 *
 * @example
 * window.addEventListener('pagehide', stopCamera)
 */
export function stopCamera(): void {
  if (camera === null) return;
  window.clearTimeout(camera.timer);
  for (const track of camera.stream.getTracks()) track.stop();
  camera = null;
  const video = byId<HTMLVideoElement>('camera-video');
  video.srcObject = null;
  byId('camera').hidden = true;
  updateCameraButton();
}

/**
 * Wires the camera button, and stops the camera when the tab is hidden or left.
 *
 * @example
 * wireCamera()
 */
export function wireCamera(): void {
  byId('camera-toggle').addEventListener('click', () => {
    if (camera === null) void startCamera();
    else stopCamera();
  });
  // The camera is never left running in a hidden tab.
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) stopCamera();
  });
  window.addEventListener('pagehide', stopCamera);
}
