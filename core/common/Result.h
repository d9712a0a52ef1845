#pragma once

#include "common/Error.h"

#include <utility>
#include <variant>

namespace hm {

// Expected-style result for fallible calls (std::expected is C++23).
// Nothing throws across module boundaries: callers test ok() and read
// value() or error().
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}
    Result(ErrorCode code, QString message, QJsonObject details = {})
        : m_state(std::in_place_index<1>, Error{code, std::move(message), std::move(details)})
    {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    // By value, not T&&: `for (auto &x : load().value())` must not iterate
    // a reference into the destroyed temporary Result.
    T value() && { return std::get<0>(std::move(m_state)); }
    // Expected-style access, as in `if (r) use(*r); r->member`. Like
    // value(): reading the value of a failed result is a programming error
    // (std::bad_variant_access).
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_state) : std::move(fallback); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result of a call that returns nothing on success.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}
    Result(ErrorCode code, QString message, QJsonObject details = {})
        : m_error{code, std::move(message), std::move(details)}, m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace hm
