'use client';
import { useRouter } from 'next/navigation';
import { useTransition, type FormEvent, type ReactNode } from 'react';

/**
 * The switch's form. Without JavaScript it posts and the page comes back in the other language (what was typed
 * in other forms is lost then). With JavaScript it stores the choice without leaving the page and re-renders it
 * in place (router.refresh): React reconciles the same tree, so the inputs of the page's forms, controlled or
 * not, keep what the family typed (issue 21).
 */
export function LanguageSwitchForm({
  action,
  label,
  children,
}: {
  action: (formData: FormData) => Promise<void>;
  label: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    data.set('inPlace', '1');
    startTransition(async () => {
      await action(data);
      router.refresh();
    });
  };
  return (
    <form action={action} onSubmit={onSubmit} aria-label={label} aria-busy={pending}>
      {children}
    </form>
  );
}
