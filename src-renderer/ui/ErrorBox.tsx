import type { AppError } from '../../src-main/ipc/renderer-contract';

export function ErrorBox(props: { error: AppError | null; testId?: string }) {
  if (props.error === null) return null;
  return (
    <div className="error" role="alert" data-testid={props.testId ?? 'error'}>
      {props.error.message}
    </div>
  );
}
