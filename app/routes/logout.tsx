import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/lib/supabase.server";

/** Signing out changes state, so only a POST does it; a stray GET just goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const headers = await signOut(request, context);
  return redirect("/login", { headers });
}
