import { currentLanguage, translate, type Language } from "../i18n";

// Deadlines are typed and shown in Vietnam time (UTC+7 all year), whatever the device's own zone or clock.

/** "yyyy-MM-ddTHH:mm" in Vietnam time, for a datetime-local input; "" for no instant. */
export function toLocalInput(instant: string | null | undefined): string {
  if (!instant) return "";
  return new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

/** How far the device's clock is behind the server's: add it to Date.now() to get the server's now. */
export function clockOffset(serverTime: string, receivedAt: number = Date.now()): number {
  return new Date(serverTime).getTime() - receivedAt;
}

/** A remaining time as "2 ngày 03:04:05", or "03:04:05" under a day; never negative. */
export function remaining(milliseconds: number, language: Language = currentLanguage()): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const days = Math.floor(total / 86_400);
  const clock = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((part) => String(part).padStart(2, "0")).join(":");
  return days > 0 ? translate(language, "entriesDays", days, clock) : clock;
}

/** Keeps an element's text counting down each second until it leaves the page. */
export function tick(element: HTMLElement, render: () => string): void {
  element.textContent = render();
  const timer = window.setInterval(() => {
    if (!element.isConnected) {
      window.clearInterval(timer);
      return;
    }
    element.textContent = render();
  }, 1000);
}
