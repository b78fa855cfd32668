import "i18next";
import type fi from "~/locales/fi/common.json";

// Type-checked translation keys: Finnish is the reference, and a unit test keeps sv and en equal.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: { common: typeof fi };
  }
}
