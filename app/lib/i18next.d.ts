import "i18next";
import type { Translation } from "./translations";

// Type-checked translation keys: Finnish is the reference, and a unit test keeps sv and en equal.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: { common: Translation };
  }
}
