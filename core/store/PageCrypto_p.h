#pragma once

#include <QByteArray>
#include <QByteArrayView>

// SQLCipher's page crypto, made cheaper (PageCrypto.cpp says why and how).
// Every page SQLCipher 3 writes costs an AES-256-CBC encryption, an
// HMAC-SHA1 and 48 random bytes; its OpenSSL provider also builds and frees
// an OpenSSL context for each of them and draws the random bytes one call
// (and one process-wide mutex) at a time. HiveMind puts three functions of
// its own into SQLCipher's provider table: the same primitives over
// per-thread contexts, and random bytes from a per-thread pool that
// OpenSSL's generator fills 4 KiB at a time. The file format does not
// change: pages are byte-for-byte what the stock provider writes for the
// same IV.
namespace hm::store::detail::page_crypto {

// Before a connection is keyed: makes the provider that SQLCipher hands to
// new connections the fast one, if usable() and enabled. Cheap when it
// already is.
void prepareForKey();

// True when this SQLCipher is one the fast functions are known to fit:
// SQLCipher 3 with its OpenSSL provider, whose own functions agreed with
// the fast ones on a sample page when the process first checked.
bool usable();
// True when connections keyed from now on get the fast functions.
bool inUse();
// Tests: false makes connections keyed afterwards use SQLCipher's own
// functions again (those already open keep theirs); true restores.
void setEnabled(bool enabled);

// The two implementations side by side, for differential tests. Empty on
// failure (and always when !usable()).
enum class Impl
{
    Stock,
    Fast
};
QByteArray cipher(Impl impl, bool encrypt, QByteArrayView key, QByteArrayView iv,
                  QByteArrayView in);
QByteArray hmac(Impl impl, QByteArrayView key, QByteArrayView in, QByteArrayView in2);
QByteArray random(Impl impl, int length);

} // namespace hm::store::detail::page_crypto
