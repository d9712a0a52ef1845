#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

// SHA-256 for bulk data (backup files, uploads): OpenSSL's implementation
// where the build has it (it uses the CPU's SHA extensions: ~5× Qt's own
// QCryptographicHash here), libsodium's portable one otherwise. Same
// digests either way (TestSha256 holds both against QCryptographicHash).
namespace hm::crypto {

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView bytes);
    // The 32-byte digest; the hasher starts again afterwards.
    QByteArray result();

    static QByteArray hash(QByteArrayView bytes);
    // Which implementation this build uses ("openssl" or "libsodium").
    static const char *backend();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace hm::crypto
