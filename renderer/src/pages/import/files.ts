/** A chosen file as the API takes it: its name and bytes in base64 (browser mode uploads bytes; IPC takes them too). */
export async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export const ACCEPT = '.xlsx,.xlsm,.xls,.et,.csv,.ods,.fods,.txt';
