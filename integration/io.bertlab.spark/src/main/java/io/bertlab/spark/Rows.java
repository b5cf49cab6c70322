package io.bertlab.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Rows with columns added, and the checks of the columns a caller names. */
final class Rows {

    private Rows() {
    }

    /** The input row's values followed by {@code added}. */
    static Row append(Row row, Object... added) {
        Object[] values = new Object[row.length() + added.length];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        System.arraycopy(added, 0, values, row.length(), added.length);
        return RowFactory.create(values);
    }

    /**
     * The index of a string column.
     *
     * @throws IllegalArgumentException when the schema has no such column, or it is not a string
     */
    static int stringColumn(StructType schema, String column) {
        int index;
        try {
            index = schema.fieldIndex(column);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no column '" + column + "'; the columns are "
                    + String.join(", ", schema.fieldNames()), e);
        }
        DataType type = schema.fields()[index].dataType();
        if (!type.equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("column '" + column + "' holds " + type.simpleString()
                    + ", not text (string)");
        }
        return index;
    }

    /**
     * A schema with fields added.
     *
     * @throws IllegalArgumentException when a name is already a column
     */
    static StructType withFields(StructType schema, StructField... added) {
        StructType result = schema;
        for (StructField field : added) {
            for (String existing : schema.fieldNames()) {
                if (existing.equalsIgnoreCase(field.name())) {
                    throw new IllegalArgumentException("the input already has a column '" + existing
                            + "'; choose another output column name");
                }
            }
            result = result.add(field);
        }
        return result;
    }
}
