package dev.mamori.testing;

/** A company's own rule pack, as an admin would add one: employee ids, and a policy on how many make an alert. */
public final class CompanyPack {

    private CompanyPack() {
    }

    /** The pack text: {@code EMP-} and six digits, medium severity from {@code minCount} of them. */
    public static String employeeIds(int minCount) {
        return """
                pack: company
                rules:
                  - id: emp
                    type: EMPLOYEE_ID
                    patterns: ['EMP-\\d{6}']
                    confidence: high
                    samples: {positive: ['EMP-123456'], negative: ['EMP-1']}
                policy:
                  - id: employee-ids
                    when: {type: EMPLOYEE_ID, min-count: %d}
                    severity: medium
                """.formatted(minCount);
    }
}
