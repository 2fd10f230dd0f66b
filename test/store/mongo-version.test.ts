import { describeMongoUri, serverTooOld } from '../../src/store/mongo/connect';

describe('MongoDB server checks (no server needed)', () => {
  test('MongoDB 6+ and FerretDB v1 (which reports 7.0.x, wire 21) are accepted', () => {
    expect(serverTooOld('6.0.14', 17)).toBeNull();
    expect(serverTooOld('8.0.3', 25)).toBeNull();
    expect(serverTooOld('7.0.42', 21)).toBeNull();
  });
  test('older servers are refused with the reason', () => {
    expect(serverTooOld('5.0.26', 13)).toBe('is version 5.0.26 (wire 13); motcua needs MongoDB 6.0 or newer');
    expect(serverTooOld('6.0.0', 13)).not.toBeNull(); // a proxy claiming 6.0 but speaking an old protocol
    expect(serverTooOld('unknown', 0)).not.toBeNull();
  });
  test('URIs are described by their hosts only', () => {
    expect(describeMongoUri('mongodb+srv://app:pa%40ss@cluster0.example.net/motcua?retryWrites=true')).toBe(
      'cluster0.example.net',
    );
    expect(describeMongoUri('mongodb://127.0.0.1:27017')).toBe('127.0.0.1:27017');
  });
});
