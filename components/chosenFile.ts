/** The file the user just chose, cleared from the input so that choosing the same file again is seen. */
export function takeChosenFile(input: HTMLInputElement): File | null {
  const file = input.files?.[0] ?? null;
  input.value = '';
  return file;
}
