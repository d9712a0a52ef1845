#include "crypto/SecureBytes.h"

#include <cstring>
#include <sodium.h>

namespace hm::crypto {

SecureBytes::SecureBytes() = default;

SecureBytes::SecureBytes(qsizetype size)
{
    if (size > 0) {
        m_data = std::make_unique<unsigned char[]>(static_cast<size_t>(size)); // value-initialised
        m_size = size;
    }
}

SecureBytes SecureBytes::fromRaw(QByteArrayView bytes)
{
    SecureBytes result(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(result.data(), bytes.data(), static_cast<size_t>(bytes.size()));
    return result;
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::move(other.m_data)), m_size(other.m_size)
{
    other.m_size = 0;
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    release();
}

void SecureBytes::release() noexcept
{
    if (m_data)
        sodium_memzero(m_data.get(), static_cast<size_t>(m_size));
    m_data.reset();
    m_size = 0;
}

QByteArrayView SecureBytes::view() const
{
    return QByteArrayView(m_data.get(), m_size);
}

QByteArray SecureBytes::toHex() const
{
    if (isEmpty())
        return {};
    // sodium_bin2hex is constant time, unlike QByteArray::toHex's table lookups.
    QByteArray hex(m_size * 2 + 1, Qt::Uninitialized);
    sodium_bin2hex(hex.data(), static_cast<size_t>(hex.size()), data(),
                   static_cast<size_t>(m_size));
    hex.chop(1); // the NUL sodium_bin2hex writes; chop keeps the same buffer
    return hex;
}

bool SecureBytes::operator==(const SecureBytes &other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(data(), other.data(), static_cast<size_t>(m_size)) == 0;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

} // namespace hm::crypto
