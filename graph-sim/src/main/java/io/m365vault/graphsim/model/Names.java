package io.m365vault.graphsim.model;

/** Word lists the generated tenant draws its names and texts from. */
public final class Names {
    private Names() {
    }

    public static final String[] GIVEN = {"Adele", "Alex", "Allan", "Christie", "Debra", "Diego", "Emily", "Enrico",
        "Grady", "Henrietta", "Irvin", "Isaiah", "Johanna", "Joni", "Lee", "Lidia", "Lynne", "Megan", "Miriam",
        "Nestor", "Patti", "Pradeep", "Raul", "Sofia", "Ines", "Kenji", "Olga", "Mateo", "Amara", "Yusuf"};
    public static final String[] FAMILY = {"Vance", "Wilber", "Deyoung", "Cline", "Berg", "Soto", "Braun", "Cattaneo",
        "Archie", "Gonzales", "Sellers", "Lee", "Lauer", "Sherman", "Holt", "Tanaka", "Ivanova", "Okafor", "Larsen",
        "Novak", "Fischer", "Moreau", "Kowalski", "Haddad", "Silva", "Nakamura", "Petrov", "Dubois", "Rossi", "Jensen"};
    public static final String[] WORDS = {"quarterly", "budget", "review", "launch", "plan", "team", "offsite",
        "contract", "invoice", "roadmap", "design", "meeting", "notes", "draft", "proposal", "customer", "feedback",
        "release", "schedule", "update", "summary", "report", "migration", "training", "hiring", "security",
        "audit", "forecast", "workshop", "agenda", "status", "project", "milestone", "vendor", "pricing"};
    public static final String[] DEPARTMENTS = {"Sales", "Marketing", "Engineering", "Finance", "Legal", "Operations",
        "Human Resources", "Research"};
    public static final String[] CITIES = {"Seattle", "Redmond", "Berlin", "Paris", "Tokyo", "Lagos", "Oslo", "Lisbon"};

    public static String sentence(java.util.SplittableRandom r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = Rng.pick(r, WORDS);
            if (i == 0) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            s.append(i == 0 ? "" : " ").append(w);
        }
        return s.toString();
    }

    public static String paragraph(java.util.SplittableRandom r, int sentences) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            s.append(i == 0 ? "" : " ").append(sentence(r, 6 + r.nextInt(10))).append('.');
        }
        return s.toString();
    }
}
