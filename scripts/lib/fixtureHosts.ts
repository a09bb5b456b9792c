/**
 * Real host names the fixture server also answers for, so the tests can show
 * a third party attributed to its organisation by the tracker dataset, which
 * knows no `*.test` host. The test browser maps each of them to the loopback
 * address: it never reaches the real host. Each was checked to load over plain
 * HTTP in Chromium (not on the HSTS preload list).
 */
export const REAL_FIXTURE_HOSTS: readonly string[] = ['sb.scorecardresearch.com'];

/** Chromium's host-resolver rule: every `*.test` host and the hosts above go to this machine. */
export const HOST_RESOLVER_RULES = ['MAP *.test 127.0.0.1', ...REAL_FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`)].join(', ');
