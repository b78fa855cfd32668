export default function Index() {
  return (
    <main>
      <h1>Verkko</h1>
    </main>
  );
}
