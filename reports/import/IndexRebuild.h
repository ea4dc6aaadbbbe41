#pragma once

#include <QtGlobal>

namespace crm {

// When a bulk import drops a table's secondary indexes and builds them once at the end instead of
// updating them row by row (customers, activities): decided once, at row kDecisionRow, from the file's
// size estimated by how much of it those rows took. Worth it for a big file (50,000 rows or more)
// at least half the table's size: building an index sorts all of the table's rows, the old included.
struct IndexRebuild
{
    static constexpr qint64 kDecisionRow = 10'000;

    // The file's rows, estimated from the `fraction` of it the first `rows` took; 0 when unknown.
    static double estimatedRows(qint64 rows, double fraction) { return fraction > 0 ? double(rows) / fraction : 0; }

    // tableRows: the rows the table had before the import (0 asks whether the file is big at all).
    static bool worthIt(double estimatedRows, qint64 tableRows)
    {
        return estimatedRows >= 50'000 && estimatedRows * 2 >= double(tableRows);
    }
};

} // namespace crm
