#pragma once

#include "client/NodeTypes.h"

#include <QWidget>
#include <utility>

class QGridLayout;
class QLabel;

namespace hm::app {

class BreakableLabel;

// The selected node's facts under the Nodes list: status, labels, what
// its agent reported (address, OS, CPU, memory, disk, version), its
// capabilities and its key's fingerprint, which the operator compares
// with the one the agent printed when it enrolled. Read-only; each value
// is selectable text. Named `nodes.detail.<field>` for tests.
class NodeDetailPane final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeDetailPane(QWidget *parent = nullptr);

    // No node (nullptr): says to select one.
    void setNode(const client::NodeRow *node);
    // Relative times ("12 s ago") read again.
    void refreshTimes();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Field
    {
        Status,
        Description,
        Labels,
        Address,
        System,
        Cpu,
        Memory,
        Disk,
        Agent,
        Capabilities,
        Fingerprint,
        LastSeen,
        Enrolled,
        Created,
        FieldCount
    };
    void retranslateUi();
    void fill();

    bool m_hasNode = false;
    client::NodeRow m_node;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QWidget *m_fields = nullptr;
    QGridLayout *m_grid = nullptr;
    QLabel *m_labels[FieldCount] = {};
    BreakableLabel *m_values[FieldCount] = {};

    static const std::pair<Field, Field> kPairedRows[];
    static const Field kWideRows[];
};

} // namespace hm::app
