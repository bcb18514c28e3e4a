import { currentLanguage, type Language } from "./i18n";

// Dates are shown dd/MM/yyyy in Vietnam's time zone, whatever the device's settings; numbers group thousands the way
// the reader's language does (1.484 in Vietnamese, 1,484 in English).

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDate(instant: string | Date): string {
  return dateFormat.format(new Date(instant));
}

export function formatDateTime(instant: string | Date): string {
  return dateTimeFormat.format(new Date(instant)).replace(",", "");
}

const numberFormats: Record<Language, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN"),
  en: new Intl.NumberFormat("en-GB"),
};

export function formatNumber(value: number, language: Language = currentLanguage()): string {
  return numberFormats[language].format(value);
}
