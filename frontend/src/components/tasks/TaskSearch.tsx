import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useDebounced } from "../../hooks/useDebounced";
import { useSuggestions } from "../../hooks/resources";
import { StatusBadge } from "../ui/StatusBadge";

export const SEARCH_DEBOUNCE_MS = 250;

type Props = { value: string; onSearch: (text: string) => void };

/** As-you-type search over titles and ideas, with suggestions that open a research directly. */
export function TaskSearch({ value, onSearch }: Props) {
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebounced(text, SEARCH_DEBOUNCE_MS);
  const { data } = useSuggestions(open ? debounced : "");
  const suggestions = open && debounced.trim().length >= 2 ? (data?.suggestions ?? []) : [];

  // Follow the URL (back button, "Clear filters") without undoing what is being typed:
  // the URL holds the trimmed text, so "meal " must not snap back to "meal".
  // The URL echoing our own search back (possibly after more was typed) must not reset the box.
  const sent = useRef(value.trim());
  useEffect(() => {
    if (value.trim() === sent.current) return;
    sent.current = value.trim();
    setText((current) => (current.trim() === value.trim() ? current : value));
  }, [value]);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;
  useEffect(() => {
    if (debounced.trim() !== value.trim()) {
      sent.current = debounced.trim();
      onSearchRef.current(debounced);
    }
    // Only the debounced text triggers a search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => setActive(-1), [debounced]);

  const choose = (id: string) => {
    setOpen(false);
    navigate(`/tasks/${encodeURIComponent(id)}`);
  };

  return (
    <div className="relative">
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search research
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && suggestions[active] ? `${listId}-${active}` : undefined}
        placeholder="Search by title or idea…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && suggestions.length) {
            event.preventDefault();
            setActive((index) => (index + 1) % suggestions.length);
          } else if (event.key === "ArrowUp" && suggestions.length) {
            event.preventDefault();
            setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
          } else if (event.key === "Enter") {
            event.preventDefault();
            if (active >= 0 && suggestions[active]) choose(suggestions[active].id);
            else {
              setOpen(false);
              onSearch(text);
            }
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
        className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base shadow-sm"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        className={`absolute left-0 right-0 top-full z-30 mt-1 max-h-80 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg ${suggestions.length ? "" : "hidden"}`}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(suggestion.id);
            }}
            className={`flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm ${index === active ? "bg-brand-50" : "hover:bg-slate-50"}`}
          >
            <span className="min-w-0 truncate">{suggestion.title}</span>
            <StatusBadge status={suggestion.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}
