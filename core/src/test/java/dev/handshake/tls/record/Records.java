package dev.handshake.tls.record;

import dev.handshake.tls.TlsException;

/** Opens whole records, header included, as the record layer would after reading them. */
final class Records {

    private Records() {
    }

    static RecordProtection.Plaintext open(RecordProtection protection, byte[] record) throws TlsException {
        return protection.open(new ContentType(record[0] & 0xFF), ((record[1] & 0xFF) << 8) | (record[2] & 0xFF),
            record, RecordLayer.HEADER_LENGTH, record.length - RecordLayer.HEADER_LENGTH);
    }
}
