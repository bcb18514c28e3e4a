/** The list with the item at <index> moved one place up (towards the best); the first item stays where it is. */
export function moveUp<T>(items: readonly T[], index: number): T[] {
  if (index <= 0 || index >= items.length) return [...items];
  const moved = [...items];
  moved.splice(index - 1, 2, ...items.slice(index, index + 1), ...items.slice(index - 1, index));
  return moved;
}
