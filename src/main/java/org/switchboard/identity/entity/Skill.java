package org.switchboard.identity.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.platform.persistence.Checks;

/** A skill that skill-based routing rules require, e.g. "Finnish" or "Billing". */
@Entity
@Table(name = "skills")
@NamedQuery(name = "Skill.byName", query = "SELECT s FROM Skill s WHERE LOWER(s.name) = LOWER(:name)")
public class Skill {

    @Id
    @SequenceGenerator(name = "skills_seq", sequenceName = "skills_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "skills_seq")
    private Long id;

    private String name;

    @Version
    private long version;

    protected Skill() {
    }

    public Skill(String name) {
        rename(name);
    }

    public void rename(String newName) {
        this.name = Checks.requireText(newName, "Skill name", 100);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
