import type { AppError } from '../lib/errors';
import { setState } from '../store/store';

export function showAlert(alert: AppError | null): void {
  setState({ alert });
}

export function dismissChatError(): void {
  setState({ chatError: null });
}
