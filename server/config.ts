import path from "node:path";
import { z } from "zod";
import { developmentJwtSecret } from "./embedded/keys";
import { repoRoot } from "./embedded/migrate";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z.string().url().optional(),
    VERKKO_DATA_DIR: z.string().min(1).default(path.join(repoRoot, ".data")),
    VERKKO_SEED: booleanFlag.default("true"),
    /** The daily jobs (digest e-mails, review reminders); benchmarks turn them off. */
    VERKKO_JOBS: booleanFlag.default("true"),
    JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
    ANON_KEY: z.string().optional(),
    SERVICE_ROLE_KEY: z.string().optional(),
    SUPABASE_URL: z.string().url().optional(),
    SUPABASE_ANON_KEY: z.string().optional(),
    /** Shown to people in e-mails and redirects; defaults to http://HOST:PORT. */
    VERKKO_PUBLIC_URL: z.string().url().optional(),
    /** Co-editing: sockets per document, and the largest message a client may send. */
    VERKKO_COLLAB_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(200),
    VERKKO_COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
    /** Port of the standalone collab server (`npm run collab`); the app serves /collab itself. */
    VERKKO_COLLAB_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  });

/** Rules across variables, checked on the raw environment so they are reported with the rest. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.SUPABASE_URL && !env.SUPABASE_ANON_KEY) {
    problems.push("SUPABASE_ANON_KEY: required when SUPABASE_URL is set");
  }
  if (env.NODE_ENV === "production" && !env.SUPABASE_URL && !env.JWT_SECRET) {
    problems.push("JWT_SECRET: required in production");
  }
  return problems;
}

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  nodeEnv: Environment["NODE_ENV"];
  port: number;
  host: string;
  publicUrl: string | undefined;
  /** Run the daily jobs (digest e-mails, review reminders) in this process. */
  jobs: boolean;
  collab: {
    maxConnectionsPerDocument: number;
    maxMessageBytes: number;
    /** Only for the standalone collab server. */
    port: number | undefined;
  };
  /** Set when the app talks to a real Supabase project instead of the embedded stack. */
  externalSupabase: { url: string; anonKey: string } | undefined;
  embedded: {
    databaseUrl: string | undefined;
    dataDir: string;
    seed: boolean;
    jwtSecret: string;
    usesDevelopmentSecret: boolean;
    anonKey: string | undefined;
    serviceRoleKey: string | undefined;
  };
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues).map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    ),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
  return {
    nodeEnv: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    publicUrl: values.VERKKO_PUBLIC_URL,
    jobs: values.VERKKO_JOBS,
    collab: {
      maxConnectionsPerDocument: values.VERKKO_COLLAB_MAX_CONNECTIONS,
      maxMessageBytes: values.VERKKO_COLLAB_MAX_MESSAGE_BYTES,
      port: values.VERKKO_COLLAB_PORT,
    },
    externalSupabase:
      values.SUPABASE_URL && values.SUPABASE_ANON_KEY
        ? { url: values.SUPABASE_URL, anonKey: values.SUPABASE_ANON_KEY }
        : undefined,
    embedded: {
      databaseUrl: values.DATABASE_URL,
      dataDir: path.resolve(values.VERKKO_DATA_DIR),
      seed: values.VERKKO_SEED,
      jwtSecret: values.JWT_SECRET ?? developmentJwtSecret,
      usesDevelopmentSecret: !values.JWT_SECRET,
      anonKey: values.ANON_KEY,
      serviceRoleKey: values.SERVICE_ROLE_KEY,
    },
  };
}
