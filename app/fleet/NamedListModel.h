#pragma once

#include "widgets/RemoteListModel.h"

#include <QJsonObject>

namespace hm::app {

// A remote list the server sends whole and orders by name (ORDER BY name
// COLLATE NOCASE, id), with rows T that have `id` and `name`: the alert
// rules and channels. Rows change in place: by the answers of this console
// (upsert, remove) and by /ws/events' `<prefix>created`, `<prefix>updated`
// ({<idKey>, <objectKey>}) and `<prefix>deleted` ({<idKey>}) from any
// console.
template <typename T> class NamedListModel : public RemoteList<T>
{
public:
    using Parse = T (*)(const QJsonObject &);

    void upsert(const T &item)
    {
        const int row = this->rowOf(item.id);
        if (row >= 0) {
            if (this->item(row)->name == item.name)
                return this->replaceItem(row, item);
            this->removeItem(row); // a new name moves it to its place
        }
        this->insertItem(this->placeOf(item), item);
    }
    void remove(const QString &id)
    {
        if (const int row = this->rowOf(id); row >= 0)
            this->removeItem(row);
    }

protected:
    struct Events
    {
        QLatin1String prefix; // "alert_rule_"
        QString idKey;        // "rule_id"
        QString objectKey;    // "rule"
        Parse parse;
    };

    NamedListModel(int columns, Events events, QObject *parent)
        : RemoteList<T>(columns, {.wholeList = true, .keepRowsWhileReloading = true}, parent),
          m_events(std::move(events))
    {}

    // A /ws/events message; any other type is ignored.
    void applyNamedEvent(const QString &type, const QJsonObject &data)
    {
        if (!type.startsWith(m_events.prefix) || this->state() != RemoteListModel::State::Ready)
            return;
        const QString id = data.value(m_events.idKey).toString();
        if (id.isEmpty())
            return;
        if (type.endsWith(QLatin1String("deleted")))
            return remove(id);
        const T item = m_events.parse(data.value(m_events.objectKey).toObject());
        if (item.id == id)
            upsert(item);
    }

    QString idOf(const T &item) const override { return item.id; }
    bool sortsBefore(const T &a, const T &b) const override
    {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    }

private:
    Events m_events;
};

} // namespace hm::app
