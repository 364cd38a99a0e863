export function SectionHeading({ children }: { children: string }) {
  return <h2 className="text-xl font-semibold">{children}</h2>;
}
