import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import { TextComposer } from './TextComposer';

function renderComposer(onSubmit = vi.fn(async () => undefined)) {
  render(<TextComposer label="What's happening?" submitLabel="Post" max={500} testId="composer" onSubmit={onSubmit} />);
  return { box: screen.getByLabelText("What's happening?"), button: screen.getByRole('button', { name: 'Post' }), onSubmit };
}

describe('TextComposer', () => {
  it('counts down as you type and refuses an empty post', async () => {
    const { box, button } = renderComposer();
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('500 characters left');
    expect(button).toBeDisabled();

    await userEvent.type(box, 'hello');

    expect(screen.getByTestId('composer-counter')).toHaveTextContent('495 characters left');
    expect(box).toHaveAccessibleDescription('495 characters left');
    expect(button).toBeEnabled();
  });

  it('allows exactly 500 characters and blocks 501, saying by how much', () => {
    const { box, button } = renderComposer();

    fireEvent.change(box, { target: { value: 'a'.repeat(500) } });
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('0 characters left');
    expect(button).toBeEnabled();

    fireEvent.change(box, { target: { value: 'a'.repeat(501) } });
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('1 character over the limit');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(button).toBeDisabled();
  });

  it('counts an emoji as one character, as the server does', () => {
    const { box, button } = renderComposer();
    fireEvent.change(box, { target: { value: '😀'.repeat(500) } }); // 1000 UTF-16 units, 500 code points
    expect(screen.getByTestId('composer-counter')).toHaveTextContent('0 characters left');
    expect(button).toBeEnabled();
  });

  it('sends the text and clears the box; on refusal keeps the text and shows the sentence', async () => {
    const onSubmit = vi.fn()
      .mockRejectedValueOnce(new ApiError(400, 'A post cannot be empty.'))
      .mockResolvedValueOnce(undefined);
    const { box, button } = renderComposer(onSubmit);

    await userEvent.type(box, '  first  ');
    await userEvent.click(button);
    expect(onSubmit).toHaveBeenCalledWith('first');
    expect(await screen.findByRole('alert')).toHaveTextContent('A post cannot be empty.');
    expect(box).toHaveValue('  first  ');

    await userEvent.click(button);
    expect(box).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
