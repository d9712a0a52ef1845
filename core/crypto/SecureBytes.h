#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

namespace hm::crypto {

// Owns key material. Move-only so a key is never silently duplicated, and
// wiped with sodium_memzero whenever the buffer is released. Plain heap
// memory rather than sodium_malloc: guard pages cost three pages and two
// mprotect calls per buffer, too much for per-call subkeys, and mlock is
// capped by RLIMIT_MEMLOCK on most servers.
class SecureBytes
{
public:
    SecureBytes();
    explicit SecureBytes(qsizetype size);             // zero-filled
    static SecureBytes fromRaw(QByteArrayView bytes); // copies

    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    ~SecureBytes();

    unsigned char *data() { return m_data.get(); }
    const unsigned char *data() const { return m_data.get(); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    QByteArrayView view() const;
    // Only for building the SQLCipher raw-key pragma; the caller wipes the
    // result with crypto::wipe as soon as the pragma has run.
    QByteArray toHex() const;

    // Constant time for equal sizes (sodium_memcmp).
    bool operator==(const SecureBytes &other) const;

private:
    void release() noexcept;

    std::unique_ptr<unsigned char[]> m_data;
    qsizetype m_size = 0;
};

// Zeroes the bytes of `bytes` and clears it. Copies shared with other
// QByteArrays are detached first, so only this instance's copy is wiped.
void wipe(QByteArray &bytes);

} // namespace hm::crypto
