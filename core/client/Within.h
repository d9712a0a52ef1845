#pragma once

#include <QObject>
#include <QPointer>
#include <utility>

namespace hm::client {

// A callback that runs only while `context` lives: answers of the server
// arrive after the widget or model that asked may be gone. Use it instead
// of a hand-written QPointer copy in each lambda:
//   api.get(id, within(this, [this](Result<Row> r) { ... }));
template <typename F> auto within(QObject *context, F &&f)
{
    return [guard = QPointer<QObject>(context), f = std::forward<F>(f)](auto &&...args) mutable {
        if (guard)
            f(std::forward<decltype(args)>(args)...);
    };
}

} // namespace hm::client
