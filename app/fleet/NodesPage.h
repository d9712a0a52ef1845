#pragma once

#include "widgets/PlannedSectionPage.h"

namespace hm::app {

// The Nodes section: the machines that run the HiveMind agent. The fleet
// (enrolment, metrics, probes; issue "Fleet monitoring") fills it; until
// then it says so. In code the fleet is "fleet": a node is a flow node.
class NodesPage final : public PlannedSectionPage
{
    Q_OBJECT

public:
    explicit NodesPage(QWidget *parent = nullptr);

protected:
    void retranslateUi() override;
};

} // namespace hm::app
