/** Every path no other route matches: a 404 rendered by the root error boundary. */
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

// A component makes this a page route, so the 404 renders inside the layout, not as plain text.
export default function NotFound() {
  return null;
}
