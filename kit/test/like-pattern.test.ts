import { escapeLike } from '../src/db';
import { describeLiteralSearch } from './fixtures/like-spec';

describe('escapeLike', () => {
  test('escapes %, _ and the escape character itself, and nothing else', () => {
    expect(escapeLike('50%_off\\x.y*')).toBe('50\\%\\_off\\\\x.y*');
  });
});

describe('literal LIKE search on SQLite', () => describeLiteralSearch());
