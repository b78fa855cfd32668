/** Counters of one collab server, for tests, the benchmark and a health page. */
export interface CollabMetrics {
  /** Open, admitted connections. */
  connections: number;
  /** Documents held in memory. */
  rooms: number;
  /** Document changes from viewers and commenters that were dropped. */
  droppedReadOnlyUpdates: number;
  /** Updates applied to a room's document (from people and from the server). */
  appliedUpdates: number;
  /** Frames received, and their bytes. */
  messagesReceived: number;
  bytesReceived: number;
  /** Compactions done, and failed. */
  compactions: number;
  compactionFailures: number;
  /** How often the server closed a socket, by close code. */
  closes: Record<number, number>;
}

export function createMetrics(): CollabMetrics {
  return {
    connections: 0,
    rooms: 0,
    droppedReadOnlyUpdates: 0,
    appliedUpdates: 0,
    messagesReceived: 0,
    bytesReceived: 0,
    compactions: 0,
    compactionFailures: 0,
    closes: {},
  };
}

export function countClose(metrics: CollabMetrics, code: number): void {
  metrics.closes[code] = (metrics.closes[code] ?? 0) + 1;
}
