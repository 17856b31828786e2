import { setState } from '../store/store';

export function dismissChatError(): void {
  setState({ chatError: null });
}
