import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/lib/i18n.server";
import { organisationForEmail } from "~/lib/organisations.server";
import { emailField } from "~/lib/signup-form";
import { getSupabase } from "~/lib/supabase.server";

/** For the sign-up page while the person types: the organisation their e-mail's domain belongs to. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const email = emailField.safeParse(new URL(request.url).searchParams.get("email"));
  if (!email.success) return data({ checked: false, organisation: null });
  const supabase = getSupabase(request, context);
  const organisation = await organisationForEmail(supabase, email.data, await getLocale(request));
  return data({ checked: true, organisation }, { headers: supabase.headers });
}
