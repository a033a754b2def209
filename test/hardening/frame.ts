/** Load a same-origin page in a frame (for pages with their own CSP or their own copy of the library). */
export async function loadFrame(src: string, width = 1024, height = 768): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'Page under test';
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}
