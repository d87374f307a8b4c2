/**
 * Reads of a server view that a stream event can overtake. The answer to a read may have been made
 * before an event that reached the client while the read was on its way; such an event finds no view
 * to patch yet, so it asks for the view again, and the view is read once more when the read is back.
 * Reads of one view at once are one read.
 */
const reads = new Map<string, { again: boolean }>();

export async function readView(key: string, read: () => Promise<void>): Promise<void> {
  const reading = reads.get(key);
  if (reading) {
    reading.again = true;
    return;
  }
  const current = { again: false };
  reads.set(key, current);
  try {
    await read();
  } finally {
    reads.delete(key);
    if (current.again) void readView(key, read);
  }
}

export function isBeingRead(key: string): boolean {
  return reads.has(key);
}
