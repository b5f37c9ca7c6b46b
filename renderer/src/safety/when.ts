/** "2026/11/28 14:38:15": an ISO time as the clerk's clock shows it. */
export const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
