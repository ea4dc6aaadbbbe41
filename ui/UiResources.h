#pragma once

namespace crm {

// Registers resources/crm.qrc (icons) of the static crm_ui library; idempotent. Call once before
// using ":/icons/...": a static library's resources are not registered by themselves.
void initUiResources();

} // namespace crm
