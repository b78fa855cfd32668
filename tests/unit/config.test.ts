import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";
import { developmentJwtSecret } from "../../server/embedded/keys";

describe("loadConfig", () => {
  it("runs embedded on 127.0.0.1:3000 with the development secret when nothing is set", () => {
    const config = loadConfig({});
    expect(config.host).toBe("127.0.0.1");
    expect(config.port).toBe(3000);
    expect(config.externalSupabase).toBeUndefined();
    expect(config.embedded.jwtSecret).toBe(developmentJwtSecret);
    expect(config.embedded.usesDevelopmentSecret).toBe(true);
    expect(config.embedded.dataDir).toMatch(/\.data$/);
  });

  it("honours PORT, HOST and DATABASE_URL", () => {
    const config = loadConfig({ PORT: "8080", HOST: "0.0.0.0", DATABASE_URL: "postgres://u@h/db" });
    expect(config.port).toBe(8080);
    expect(config.host).toBe("0.0.0.0");
    expect(config.embedded.databaseUrl).toBe("postgres://u@h/db");
  });

  it("switches to a real Supabase project when SUPABASE_URL and its key are set", () => {
    const config = loadConfig({ SUPABASE_URL: "https://x.supabase.co", SUPABASE_ANON_KEY: "key" });
    expect(config.externalSupabase).toEqual({ url: "https://x.supabase.co", anonKey: "key" });
  });

  it("lists every problem in one error", () => {
    expect(() => loadConfig({ PORT: "seventy", SUPABASE_URL: "https://x.supabase.co" })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: "seventy", SUPABASE_URL: "https://x.supabase.co" });
    } catch (error) {
      expect(String(error)).toContain("PORT");
      expect(String(error)).toContain("SUPABASE_ANON_KEY");
    }
  });

  it("refuses production without a JWT secret of its own", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "short" })).toThrow(/32/);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(40) }).nodeEnv).toBe(
      "production",
    );
  });
});
