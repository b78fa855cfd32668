import { $generateHtmlFromNodes } from "@lexical/html";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $getRoot } from "lexical";
import { useEffect, useRef } from "react";

/**
 * The editor's content as two hidden form fields, `${name}_html` and `${name}_text`, rewritten
 * on every change so a submit always carries what is on screen.
 */
export function FormFieldsPlugin(props: { name: string }) {
  const [editor] = useLexicalComposerContext();
  const htmlInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const $write = () => {
      if (htmlInput.current) htmlInput.current.value = $generateHtmlFromNodes(editor);
      if (textInput.current) textInput.current.value = $getRoot().getTextContent();
    };
    editor.read($write);
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) editorState.read($write, { editor });
    });
  }, [editor]);

  // No value or defaultValue props: for a hidden input both are its value attribute, which React
  // would reset on every re-render of the editor.
  return (
    <>
      <input ref={htmlInput} type="hidden" name={`${props.name}_html`} />
      <input ref={textInput} type="hidden" name={`${props.name}_text`} />
    </>
  );
}
