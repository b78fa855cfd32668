/**
 * LISTEN on PostgreSQL for every listener of one server: a dedicated client outside the pool (a
 * pooled client would lose its LISTENs when released), reconnecting with backoff when the
 * connection drops and listening again on every channel that still has callbacks.
 */
import pg from "pg";

type Callback = (payload: string) => void;

export class PostgresListener {
  private readonly channels = new Map<string, Set<Callback>>();
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs: number;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly options: { minRetryMs?: number; maxRetryMs?: number } = {},
  ) {
    this.retryDelayMs = options.minRetryMs ?? 500;
  }

  async listen(channel: string, onPayload: Callback): Promise<() => Promise<void>> {
    if (this.closed) throw new Error("the listener is closed");
    let callbacks = this.channels.get(channel);
    const firstOnChannel = !callbacks;
    if (!callbacks) {
      callbacks = new Set();
      this.channels.set(channel, callbacks);
    }
    callbacks.add(onPayload);
    try {
      const client = await this.connection();
      if (firstOnChannel) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      this.forget(channel, onPayload);
      throw error;
    }
    let listening = true;
    return async () => {
      if (!listening) return;
      listening = false;
      if (!this.forget(channel, onPayload)) return;
      // The last callback went: stop listening, unless the connection is gone anyway.
      await this.client?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.channels.clear();
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Removes one callback; true when its channel has none left. */
  private forget(channel: string, onPayload: Callback): boolean {
    const callbacks = this.channels.get(channel);
    if (!callbacks) return false;
    callbacks.delete(onPayload);
    if (callbacks.size > 0) return false;
    this.channels.delete(channel);
    return true;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: "verkko-listener",
    });
    client.on("notification", (message) => {
      for (const callback of this.channels.get(message.channel) ?? []) {
        callback(message.payload ?? "");
      }
    });
    // A dropped connection emits "error" (and then "end"); either way, start again.
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    await client.connect();
    try {
      for (const channel of this.channels.keys()) {
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error("the listener is closed");
    }
    this.client = client;
    this.retryDelayMs = this.options.minRetryMs ?? 500;
    return client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer || this.channels.size === 0) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(delay * 2, this.options.maxRetryMs ?? 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connection().catch(() => this.scheduleReconnect());
    }, delay);
    this.retryTimer.unref();
  }
}
