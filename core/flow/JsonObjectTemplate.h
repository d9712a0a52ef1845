#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <span>
#include <vector>

namespace hm::flow {

// A QJsonObject whose keys are known before its values: a node's inputs, a
// transform's outputs. Built once with the constant members and a
// placeholder per slot; fill() copies it and overwrites the slots by
// position. Qt's QJsonObject::insert() of a new key costs about 2,000
// instructions (it builds a temporary CBOR container for the key), an
// overwrite by position about 500, so an object filled per node run is
// built several times faster. The result equals the object the same
// members would give when inserted one by one (keys are kept sorted).
//
// Immutable after construction; copies share the object.
class JsonObjectTemplate
{
public:
    JsonObjectTemplate() = default;
    // `constants` go in as they are; every key of `slotKeys` gets a slot,
    // numbered in the order given. A slot key must not repeat nor be a key
    // of `constants`.
    JsonObjectTemplate(const QJsonObject &constants, const std::vector<QString> &slotKeys);

    int slotCount() const { return static_cast<int>(m_positions.size()); }

    // The object with values[k] in slot k; an Undefined value leaves the
    // slot's key out, as QJsonObject::insert() of Undefined would.
    // values.size() must be slotCount().
    QJsonObject fill(std::span<const QJsonValue> values) const;

private:
    QJsonObject m_object;
    std::vector<qsizetype> m_positions; // slot -> position in m_object
    std::vector<int> m_slotsByPosition; // slots, highest position first
};

} // namespace hm::flow
