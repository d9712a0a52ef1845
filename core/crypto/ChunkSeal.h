#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

// Sealing a large stream (a backup file) in independent chunks under one
// 32-byte key: XChaCha20-Poly1305 with a random 24-byte nonce per chunk,
// the same AEAD as the envelope. Each sealed chunk is nonce || ciphertext
// || tag. The caller binds a chunk's place in the stream (its index, the
// last-chunk flag, the file's header) through the associated data, so
// chunks cannot be reordered, dropped or cut off unnoticed.
namespace hm::crypto::chunks {

inline constexpr qsizetype kKeyBytes = 32;
// Added to every chunk: 24-byte nonce + 16-byte tag.
inline constexpr qsizetype kOverheadBytes = 40;

// A fresh random key for one stream.
SecureBytes newKey();
QByteArray seal(const SecureBytes &key, QByteArrayView plaintext, QByteArrayView associatedData);
// DecryptionError when the chunk was changed, belongs elsewhere (other
// associated data) or the key is wrong.
Result<QByteArray> open(const SecureBytes &key, QByteArrayView sealed,
                        QByteArrayView associatedData);

} // namespace hm::crypto::chunks
