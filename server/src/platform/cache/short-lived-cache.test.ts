import { afterEach, describe, expect, it, vi } from "vitest";
import { createShortLivedCache } from "./short-lived-cache.js";

afterEach(() => vi.useRealTimers());

describe("short-lived cache", () => {
  it("answers from the cache until the time to live has passed, then loads again", async () => {
    vi.useFakeTimers();
    const cache = createShortLivedCache<number>({ ttlMs: 5_000 });
    let loads = 0;
    const load = () => cache.load("workspace", async () => ++loads);
    expect(await load()).toBe(1);
    vi.advanceTimersByTime(4_999);
    expect(await load()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await load()).toBe(2);
  });

  it("keeps an entry no longer than its own validity, and nothing when told so", async () => {
    vi.useFakeTimers();
    const cache = createShortLivedCache<string | null>({ ttlMs: 5_000 });
    let loads = 0;
    const session = () => cache.load("token", async () => `caller ${++loads}`, () => new Date(Date.now() + 1_000));
    expect(await session()).toBe("caller 1");
    vi.advanceTimersByTime(1_000);
    expect(await session()).toBe("caller 2");
    const unknown = () => cache.load("made-up", async () => (loads++, null), () => null);
    await unknown();
    await unknown();
    expect(loads).toBe(4);
  });

  it("forgets an entry at once, by key or by what it holds", async () => {
    const cache = createShortLivedCache<{ role: string }>({ ttlMs: 60_000 });
    await cache.load("a", async () => ({ role: "admin" }));
    await cache.load("b", async () => ({ role: "member" }));
    cache.forget("a");
    cache.forgetWhere((value) => value.role === "member");
    expect(await cache.load("a", async () => ({ role: "read_only" }))).toEqual({ role: "read_only" });
    expect(await cache.load("b", async () => ({ role: "manager" }))).toEqual({ role: "manager" });
  });

  it("does not keep a value loaded while something was forgotten, since it may predate the change", async () => {
    const cache = createShortLivedCache<string>({ ttlMs: 60_000 });
    let release = () => {};
    const slow = cache.load("key", () => new Promise<string>((resolve) => (release = () => resolve("before the change"))));
    cache.forget("key");
    release();
    expect(await slow).toBe("before the change");
    expect(await cache.load("key", async () => "after the change")).toBe("after the change");
  });

  it("stays within its size by dropping the oldest entries", async () => {
    const cache = createShortLivedCache<number>({ ttlMs: 60_000, maxEntries: 2 });
    for (const key of ["a", "b", "c"]) await cache.load(key, async () => 1);
    expect(await cache.load("a", async () => 2)).toBe(2);
    expect(await cache.load("c", async () => 2)).toBe(1);
  });
});
